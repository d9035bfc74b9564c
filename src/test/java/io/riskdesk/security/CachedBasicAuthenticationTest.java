package io.riskdesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.riskdesk.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedBasicAuthenticationTest {

	final AtomicInteger checks = new AtomicInteger();

	/** Counts the expensive checks; plain text is enough to see which ones happen. */
	final PasswordEncoder counting = new PasswordEncoder() {

		@Override
		public String encode(CharSequence raw) {
			return raw.toString();
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checks.incrementAndGet();
			return raw.toString().equals(encoded);
		}
	};

	final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
			User.withUsername("alex").password("demo").roles("CSM").build());

	final MutableClock clock = new MutableClock();

	final CachedBasicAuthentication basic;

	CachedBasicAuthenticationTest() {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(counting);
		basic = new CachedBasicAuthentication(dao, clock);
		clock.set(Instant.parse("2026-11-30T09:00:00Z"));
	}

	@Test
	void aSuccessfulCheckIsRememberedForItsTtl() {
		Authentication first = login("alex", "demo");
		assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_CSM");
		clock.advance(CachedBasicAuthentication.TTL.minusSeconds(1));
		Authentication again = login("alex", "demo");
		assertThat(again.isAuthenticated()).isTrue();
		assertThat(again.getName()).isEqualTo("alex");
		assertThat(again.getAuthorities()).isEqualTo(first.getAuthorities());
		assertThat(checks).hasValue(1);

		clock.advance(Duration.ofSeconds(1));
		login("alex", "demo");
		assertThat(checks).hasValue(2);
	}

	@Test
	void aWrongPasswordIsCheckedInFullAndRefusedEvenRightAfterASuccess() {
		login("alex", "demo");
		assertThatThrownBy(() -> login("alex", "wrong")).isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> login("alex", "wrong")).isInstanceOf(BadCredentialsException.class);
		assertThat(checks).hasValue(3);
		login("alex", "demo");
		assertThat(checks).as("a refusal does not evict the remembered success").hasValue(3);
	}

	@Test
	void aChangedPasswordOrDisabledUserStopsWorkingOnceTheTtlIsOver() {
		login("alex", "demo");
		users.updateUser(User.withUsername("alex").password("changed").roles("CSM").build());
		login("alex", "demo");
		clock.advance(CachedBasicAuthentication.TTL);
		assertThatThrownBy(() -> login("alex", "demo")).isInstanceOf(BadCredentialsException.class);

		login("alex", "changed");
		users.updateUser(User.withUsername("alex").password("changed").roles("CSM").disabled(true).build());
		login("alex", "changed");
		clock.advance(CachedBasicAuthentication.TTL);
		assertThatThrownBy(() -> login("alex", "changed")).isInstanceOf(DisabledException.class);
	}

	@Test
	void anotherUsersPasswordIsNoKey() {
		users.createUser(User.withUsername("sam").password("other").roles("AE").build());
		login("alex", "demo");
		assertThatThrownBy(() -> login("sam", "demo")).isInstanceOf(BadCredentialsException.class);
	}

	private Authentication login(String username, String password) {
		return basic.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
	}

}
