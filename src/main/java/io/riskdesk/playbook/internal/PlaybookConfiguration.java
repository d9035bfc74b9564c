package io.riskdesk.playbook.internal;

import io.riskdesk.playbook.Playbook;
import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class PlaybookConfiguration {

	/** Loaded once at start-up: a bad file stops the application instead of surfacing later. */
	@Bean
	Playbook playbook(@Value("${riskdesk.playbook.location:classpath:playbook.yml}") Resource location,
			Validator validator) {
		return new PlaybookLoader(validator).load(location);
	}

}
