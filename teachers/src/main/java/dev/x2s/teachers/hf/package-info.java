/**
 * Reading Hugging Face model directories: {@link dev.x2s.teachers.hf.HfConfig} ({@code config.json}) and
 * {@link dev.x2s.teachers.hf.SafetensorsReader} ({@code model.safetensors}, F32/F16/BF16 → float32,
 * memory-mapped, fully validated). Errors are {@link dev.x2s.teachers.weights.WeightsException}s naming
 * the file and the key, tensor or byte offset.
 */
package dev.x2s.teachers.hf;
