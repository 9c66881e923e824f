/**
 * Hugging Face safetensors files: the validating, memory-mapping reader (used by the teachers for
 * transformer weights and by the static-embedding folder for its matrix) and the writer.
 */
package dev.x2s.vectors.safetensors;
