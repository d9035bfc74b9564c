package io.riskdesk.playbook.internal;

import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.PlaybookVersion;
import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class PlaybookConfiguration {

	/** Loaded once at start-up: a bad file stops the application instead of surfacing later. */
	@Bean
	PlaybookLoader.Loaded loadedPlaybook(@Value("${riskdesk.playbook.location:classpath:playbook.yml}") Resource location,
			Validator validator) {
		return new PlaybookLoader(validator).loadWithVersion(location);
	}

	@Bean
	Playbook playbook(PlaybookLoader.Loaded loaded) {
		return loaded.playbook();
	}

	@Bean
	PlaybookVersion playbookVersion(PlaybookLoader.Loaded loaded) {
		return loaded.version();
	}

}
