package io.riskdesk.intake;

import io.riskdesk.playbook.Playbook;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

	@Bean
	NotesExtractor notesExtractor(Playbook playbook, IntakeProperties properties) {
		return new NotesExtractor(playbook, Math.toIntExact(properties.maxBytes().toBytes()));
	}

}
