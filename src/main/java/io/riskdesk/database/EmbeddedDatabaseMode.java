package io.riskdesk.database;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Whether Riskdesk runs on its own embedded PostgreSQL: exactly when no datasource URL is configured. */
public final class EmbeddedDatabaseMode {

	private EmbeddedDatabaseMode() {
	}

	public static boolean isActive(Environment environment) {
		return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

	static class Condition implements org.springframework.context.annotation.Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isActive(context.getEnvironment());
		}

	}

}
