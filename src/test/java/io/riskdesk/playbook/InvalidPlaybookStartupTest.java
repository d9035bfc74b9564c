package io.riskdesk.playbook;

import io.riskdesk.RiskdeskApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class InvalidPlaybookStartupTest {

	@Test
	void aBadPlaybookStopsStartUpWithTheKeyAndTheProblem(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path playbook = dir.resolve("playbook.yml");
		Files.writeString(playbook, "triage:\n  window: PT24H\n  steps: [Log]\n");

		assertThatThrownBy(() -> new SpringApplicationBuilder(RiskdeskApplication.class)
			.run("--server.port=0", "--riskdesk.playbook.location=file:" + playbook, "--riskdesk.embedded-database.data-directory=", "--riskdesk.demo.enabled=false")).hasRootCauseInstanceOf(InvalidPlaybookException.class);
		assertThat(output).contains("The playbook URL [file:" + playbook + "] is invalid")
			.contains("severities: is required")
			.contains("escalation-matrix: is required")
			.contains("detection: is required");
	}

}
