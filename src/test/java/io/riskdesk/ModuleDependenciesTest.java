package io.riskdesk;

import java.util.Arrays;

import fixture.modularity.FixtureApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The module design is enforced, not just described: every module names the modules it may use
 * (its package-info), and using one it did not name fails the build.
 */
class ModuleDependenciesTest {

	@Test
	void everyModuleNamesTheModulesItMayUse() {
		ApplicationModules.of(RiskdeskApplication.class).forEach(module -> {
			String basePackage = module.getBasePackage().getName();
			ApplicationModule declaration = packageInfo(basePackage).getAnnotation(ApplicationModule.class);
			assertThat(declaration).as("@ApplicationModule in %s.package-info", basePackage).isNotNull();
			assertThat(declaration.displayName()).as("display name of %s", basePackage).isNotBlank();
			assertThat(Arrays.asList(declaration.allowedDependencies())).as("allowed dependencies of %s", basePackage)
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
		});
	}

	/** The same check on a two-module fixture whose one module uses the other without naming it. */
	@Test
	void usingAModuleThatIsNotNamedFailsVerification() {
		// A fixture among the test classes: import those too.
		ApplicationModules fixture = ApplicationModules.of(FixtureApplication.class, location -> true);

		assertThatExceptionOfType(Violations.class).isThrownBy(fixture::verify)
			.withMessageContaining("ordering")
			.withMessageContaining("billing");
	}

	private static Class<?> packageInfo(String basePackage) {
		try {
			return Class.forName(basePackage + ".package-info");
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError("No package-info.java in " + basePackage, ex);
		}
	}

}
