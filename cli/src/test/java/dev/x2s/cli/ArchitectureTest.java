package dev.x2s.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, checked on the compiled main code of every module (cli sees them all): no package
 * depends on itself through others, and the teacher API knows no model. Maven already forbids cycles between modules; this catches them
 * between packages, where the registry/encoder cycle once hid.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.x2s");
  }

  /** The rule below means nothing if the import missed modules (e.g. run against jars elsewhere). */
  @Test
  void everyStageIsImported() {
    for (String pkg : List.of("dev.x2s.vectors", "dev.x2s.jobs", "dev.x2s.data", "dev.x2s.corpus",
        "dev.x2s.teachers.registry", "dev.x2s.teachers.bert", "dev.x2s.layerpc", "dev.x2s.x2static",
        "dev.x2s.baselines", "dev.x2s.evaluate", "dev.x2s.pipeline", "dev.x2s.cli")) {
      assertTrue(classes.containPackage(pkg), "no classes of " + pkg + " imported");
    }
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.x2s.(**)").should().beFreeOfCycles().check(classes);
  }

  /** Teacher families plug in through ServiceLoader: the API and the registry never name model code. */
  @Test
  void theTeacherApiAndRegistryKnowNoModel() {
    noClasses().that().resideInAPackage("dev.x2s.teachers")
        .should().dependOnClassesThat().resideInAPackage("dev.x2s.teachers.*..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.x2s.teachers.registry")
        .should().dependOnClassesThat(resideInAPackage("dev.x2s.teachers.*..")
            .and(resideOutsideOfPackage("dev.x2s.teachers.registry")))
        .check(classes);
  }
}
