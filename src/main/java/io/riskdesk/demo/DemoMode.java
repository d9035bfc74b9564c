package io.riskdesk.demo;

import io.riskdesk.database.EmbeddedDatabaseMode;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo mode: {@code riskdesk.demo.enabled} when set, otherwise on with the embedded database and
 * off on an external PostgreSQL, so production never gets demo users by accident.
 */
class DemoMode implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Boolean enabled = context.getEnvironment().getProperty("riskdesk.demo.enabled", Boolean.class);
		return enabled != null ? enabled : EmbeddedDatabaseMode.isActive(context.getEnvironment());
	}

}
