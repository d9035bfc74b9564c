package io.riskdesk.intake;

import io.riskdesk.playbook.Playbook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	NotesExtractor notesExtractor(Playbook playbook, @Value("${riskdesk.intake.max-bytes:1MB}") DataSize maxBytes) {
		return new NotesExtractor(playbook, Math.toIntExact(maxBytes.toBytes()));
	}

}
