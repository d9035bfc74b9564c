package io.riskdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(RiskdeskApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		Path folder = Path.of("target", "spring-modulith-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString())).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();

		// The overview names every module, and each module has its own diagram.
		String overview = Files.readString(folder.resolve("components.puml"));
		assertThat(modules.stream()).isNotEmpty().allSatisfy(module -> {
			assertThat(overview).contains("\"" + module.getDisplayName() + "\", $techn=\"Module\"");
			assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
		});
	}

}
