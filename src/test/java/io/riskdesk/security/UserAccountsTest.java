package io.riskdesk.security;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Users ensured at every start cost no password hash once they exist, and one for all that share a password. */
@RiskdeskTest
class UserAccountsTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void hashesASharedPasswordOnceAndNotAtAllWhenEveryoneExists() {
		AtomicInteger hashes = new AtomicInteger();
		PasswordEncoder counting = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				hashes.incrementAndGet();
				return passwords.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				return passwords.matches(raw, encoded);
			}
		};
		UserAccounts users = new UserAccounts(jdbc, counting);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		List<UserAccounts.NewUser> team = List.of(new UserAccounts.NewUser("ula-" + suffix, "Ula", Role.CSM, null),
				new UserAccounts.NewUser("uma-" + suffix, "Uma", Role.AE, null));

		assertThat(users.createIfAbsent(team, "s3cret-demo")).isEqualTo(2);
		assertThat(hashes).hasValue(1);
		assertThat(users.find("uma-" + suffix)).get().extracting(UserAccounts.User::role).isEqualTo(Role.AE);
		String hash = jdbc.sql("select password_hash from app_user where username = :name")
			.param("name", "ula-" + suffix)
			.query(String.class)
			.single();
		assertThat(passwords.matches("s3cret-demo", hash)).isTrue();

		assertThat(users.createIfAbsent(team, "s3cret-demo")).isZero();
		assertThat(users.createIfAbsent("ula-" + suffix, "Ula", "other", Role.ADMIN, null)).isFalse();
		assertThat(hashes).hasValue(1);
		assertThat(users.find("ula-" + suffix)).get().extracting(UserAccounts.User::role).isEqualTo(Role.CSM);
	}

}
