package io.riskdesk.notification;

import java.util.List;
import java.util.stream.Stream;

import io.riskdesk.playbook.Playbook;

import org.springframework.context.annotation.Configuration;

/**
 * Refuses to start when a template the playbook names has no file, rather than failing the first
 * time its trigger fires.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	NotificationConfiguration(Playbook playbook, NotificationTemplates templates) {
		List<String> named = Stream.concat(
				playbook.notifications().triggers().values().stream().flatMap(List::stream).map(rule -> rule.template()),
				Stream.of(playbook.notifications().weeklyDigest().template()))
			.toList();
		List<String> missing = templates.missing(named);
		if (!missing.isEmpty()) {
			throw new IllegalStateException("playbook.yml names notification templates with no file (neither in "
					+ "riskdesk.notifications.templates-directory nor built in): " + missing);
		}
	}

}
