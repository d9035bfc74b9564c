package io.riskdesk.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The first administrator of a production install: with {@code riskdesk.security.admin-password}
 * set and no administrator in the database, creates user {@code admin} with that password.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserAccounts users;

	private final String password;

	AdminBootstrap(UserAccounts users, @Value("${riskdesk.security.admin-password:}") String password) {
		this.users = users;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.anyAdmin()) {
			return;
		}
		if (!StringUtils.hasText(password)) {
			log.warn("No administrator exists. Set riskdesk.security.admin-password (env RISKDESK_SECURITY_ADMIN_PASSWORD) "
					+ "to create user 'admin' at start-up.");
			return;
		}
		// With several nodes starting at once, one inserts the row and the others find it there.
		if (users.createIfAbsent("admin", "Administrator", password, Role.ADMIN, null)) {
			log.info("Created administrator 'admin' from riskdesk.security.admin-password");
		}
	}

}
