package com.conversation24.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of the architecture, as rules that fail the build (no exceptions by
 * class name): contexts never depend on exports-web; exports-web touches only the contexts'
 * {@code api} packages; agents, conversations and traffic depend on campaigns only; no cycles.
 */
class ArchitectureTest {

  private static final String[] CONTEXTS = {"campaigns", "agents", "conversations", "traffic"};

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.conversation24");
  }

  @Test
  void importsEveryModule() {
    for (String module : new String[] {"campaigns", "agents", "conversations", "traffic", "exports", "app"}) {
      boolean present =
          classes.stream().anyMatch(c -> c.getPackageName().startsWith("com.conversation24." + module));
      org.assertj.core.api.Assertions.assertThat(present).as(module).isTrue();
    }
  }

  @Test
  void contextsNeverDependOnExportsWeb() {
    noClasses()
        .that()
        .resideInAnyPackage("com.conversation24.campaigns..", "com.conversation24.agents..",
            "com.conversation24.conversations..", "com.conversation24.traffic..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.conversation24.exports..", "com.conversation24.app..")
        .check(classes);
  }

  @Test
  void exportsWebUsesOnlyTheContextsApi() {
    for (String context : CONTEXTS) {
      noClasses()
          .that()
          .resideInAPackage("com.conversation24.exports..")
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                      "com.conversation24." + context + "..")
                  .and(
                      com.tngtech.archunit.base.DescribedPredicate.not(
                          com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                              "com.conversation24." + context + ".api.."))))
          .check(classes);
    }
  }

  @Test
  void contextsDependOnCampaignsOnly() {
    String[] downstream = {"agents", "conversations", "traffic"};
    for (String context : downstream) {
      for (String other : downstream) {
        if (!other.equals(context)) {
          noClasses()
              .that()
              .resideInAPackage("com.conversation24." + context + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage("com.conversation24." + other + "..")
              .check(classes);
        }
      }
    }
  }

  @Test
  void modulesHaveNoCycles() {
    slices().matching("com.conversation24.(*)..").should().beFreeOfCycles().check(classes);
  }
}
