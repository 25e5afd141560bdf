package com.conversation24.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the architecture, as rules that fail the build (no exceptions by class name).
 * Modules: contexts never depend on exports-web; agents, conversations and traffic depend on
 * campaigns only; no cycles. Rooms of the campaigns module: the platform's shared vocabulary, the
 * ingestion kernel ({@code ingest}: {@code api} published to all, {@code spi} where contexts plug
 * in, the rest its own), access ({@code access}: its {@code api} interfaces and records) and the
 * campaign directory. exports-web sees the contexts' published records and query ports ({@code
 * api}), the platform, access's and the kernel's {@code api}: never a raw batch, the kernel's
 * {@code spi} or anyone's internals. An {@code api} or {@code spi} never reaches into its own
 * module's internals either.
 */
class ArchitectureTest {

  private static final String ROOT = "com.conversation24.";

  /** Every class of the application, as a package pattern. */
  private static final String ALL = "com.conversation24..";

  private static final String CAMPAIGNS = ROOT + "campaigns.";

  /** What exports-web may use of the campaigns module. */
  private static final String[] EXPORTS_MAY_USE_OF_CAMPAIGNS = {
    CAMPAIGNS + "api..", CAMPAIGNS + "platform..", CAMPAIGNS + "access.api..", CAMPAIGNS + "ingest.api.."
  };

  /** What agents, conversations and traffic may use of the campaigns module. */
  private static final String[] CONTEXTS_MAY_USE_OF_CAMPAIGNS = {
    CAMPAIGNS + "api..",
    CAMPAIGNS + "platform..",
    CAMPAIGNS + "ingest.api..",
    CAMPAIGNS + "ingest.spi..",
    CAMPAIGNS + "ingest.envelope.."
  };

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
          classes.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + module));
      assertThat(present).as(module).isTrue();
    }
  }

  @Test
  void contextsNeverDependOnExportsWeb() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + "campaigns..", ROOT + "agents..", ROOT + "conversations..", ROOT + "traffic..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + "exports..", ROOT + "app..")
        .check(classes);
  }

  /** exports-web uses of agents, conversations and traffic their {@code api} only. */
  static final ArchRule EXPORTS_USE_THE_CONTEXTS_API_ONLY =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "exports..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(ROOT + "agents..", ROOT + "conversations..", ROOT + "traffic..")
                  .and(
                      not(
                          resideInAnyPackage(
                              ROOT + "agents.api..",
                              ROOT + "conversations.api..",
                              ROOT + "traffic.api.."))));

  /** exports-web uses of campaigns what is published to it: never a batch, the spi, internals. */
  static final ArchRule EXPORTS_USE_WHAT_CAMPAIGNS_PUBLISHES_ONLY =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "exports..")
          .should()
          .dependOnClassesThat(
              resideInAPackage(ROOT + "campaigns..")
                  .and(not(resideInAnyPackage(EXPORTS_MAY_USE_OF_CAMPAIGNS))));

  @Test
  void exportsWebUsesOnlyTheContextsApi() {
    EXPORTS_USE_THE_CONTEXTS_API_ONLY.check(classes);
    EXPORTS_USE_WHAT_CAMPAIGNS_PUBLISHES_ONLY.check(classes);
  }

  /**
   * The two rules above on classes that break them on purpose (test sources, package {@code
   * com.conversation24.exports.boundaries}): a class of exports-web observing the kernel's batch,
   * one holding the kernel's decoder, one reaching into a context's application package.
   */
  @Test
  void theRulesFailOnAnExportsClassThatUsesABatchTheSpiOrAContextsInternals() {
    JavaClasses breaking =
        new ClassFileImporter()
            .importClasses(
                com.conversation24.exports.boundaries.ObservesTheRawBatch.class,
                com.conversation24.exports.boundaries.DecodesEventsItself.class,
                com.conversation24.exports.boundaries.ReachesIntoAContext.class);
    assertThatThrownBy(() -> EXPORTS_USE_WHAT_CAMPAIGNS_PUBLISHES_ONLY.check(breaking))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ObservesTheRawBatch")
        .hasMessageContaining("ingest.application.EventsAccepted")
        .hasMessageContaining("DecodesEventsItself")
        .hasMessageContaining("ingest.spi.EventDecoder")
        .hasMessageNotContaining("ReachesIntoAContext");
    assertThatThrownBy(() -> EXPORTS_USE_THE_CONTEXTS_API_ONLY.check(breaking))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ReachesIntoAContext")
        .hasMessageContaining("conversations.application.ConversationsRecording")
        .hasMessageNotContaining("ObservesTheRawBatch");
  }

  @Test
  void contextsPlugIntoTheKernelThroughItsSpiOnly() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + "agents..", ROOT + "conversations..", ROOT + "traffic..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(ROOT + "campaigns..").and(not(resideInAnyPackage(CONTEXTS_MAY_USE_OF_CAMPAIGNS))))
        .check(classes);
  }

  @Test
  void thePlatformDependsOnNoRoom() {
    noClasses()
        .that()
        .resideInAPackage(CAMPAIGNS + "platform..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(ALL).and(not(resideInAPackage(CAMPAIGNS + "platform.."))))
        .check(classes);
  }

  @Test
  void theDirectoryAndTheKernelUseAccessThroughItsApiOnly() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + "campaigns..")
        .and()
        .resideOutsideOfPackage(CAMPAIGNS + "access..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(CAMPAIGNS + "access..").and(not(resideInAPackage(CAMPAIGNS + "access.api.."))))
        .check(classes);
  }

  @Test
  void accessUsesNeitherTheKernelNorTheDirectory() {
    noClasses()
        .that()
        .resideInAPackage(CAMPAIGNS + "access..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            CAMPAIGNS + "ingest..",
            CAMPAIGNS + "api..",
            CAMPAIGNS + "application..",
            CAMPAIGNS + "interfaces..")
        .check(classes);
  }

  @Test
  void theDirectoryUsesTheKernelThroughItsApiAndSpiOnly() {
    noClasses()
        .that()
        .resideInAnyPackage(CAMPAIGNS + "api..", CAMPAIGNS + "application..", CAMPAIGNS + "interfaces..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CAMPAIGNS + "ingest.application..", CAMPAIGNS + "ingest.interfaces..")
        .check(classes);
  }

  @Test
  void publishedPackagesNeverReachIntoInternals() {
    noClasses()
        .that()
        .resideInAnyPackage("..api..", "..spi..", "..envelope..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..application..", "..domain..", "..infrastructure..", "..interfaces..")
        .check(classes);
  }

  /**
   * exports-web is arranged by feature: the reports (figures, stores, catalogue) underneath
   * everything; export (criteria, admission, the one download writer) on them; jobs, public
   * links, deliveries, the feed and transcripts on those; the console on top. No feature reaches
   * up, and only the console knows the console.
   */
  @Test
  void exportsWebFeaturesDependDownwardOnly() {
    String exports = ROOT + "exports.";
    noClasses()
        .that()
        .resideInAPackage(exports + "reports..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            exports + "export..", exports + "jobs..", exports + "links..", exports + "deliveries..",
            exports + "feed..", exports + "transcripts..", exports + "console..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(exports + "export..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            exports + "jobs..", exports + "links..", exports + "deliveries..", exports + "feed..",
            exports + "transcripts..", exports + "console..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage(exports + "console..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(exports + "console..")
        .check(classes);
  }

  @Test
  void contextsDependOnCampaignsOnly() {
    String[] downstream = {"agents", "conversations", "traffic"};
    for (String context : downstream) {
      for (String other : downstream) {
        if (!other.equals(context)) {
          noClasses()
              .that()
              .resideInAPackage(ROOT + context + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage(ROOT + other + "..")
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
