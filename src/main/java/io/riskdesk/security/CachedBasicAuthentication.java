package io.riskdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * HTTP Basic sends the password with every request, and checking it costs a bcrypt hash, slow by
 * design: every API call would pay it. A successful check is remembered for {@link #TTL}, keyed by
 * the username and an HMAC of the password under a key that lives only in this process, so the
 * cache holds no password nor anything to guess one from offline. A different (wrong) password
 * misses and gets the full check, so it never passes for a remembered one. The price: a changed
 * password or a disabled user keeps working for up to {@link #TTL} on a node that checked it.
 * (Spring Security's {@code UserCache} would not do: it caches the user record, and the password
 * is still hashed on every request.)
 */
final class CachedBasicAuthentication implements AuthenticationProvider {

	static final Duration TTL = Duration.ofSeconds(60);

	private final AuthenticationProvider passwordCheck;

	private final Clock clock;

	private final SecretKeySpec key;

	/** One per username: the one password that last succeeded for it. */
	private final Map<String, Success> successes = new ConcurrentHashMap<>();

	private record Success(byte[] passwordMac, Object principal, Collection<? extends GrantedAuthority> authorities,
			Instant until) {
	}

	CachedBasicAuthentication(AuthenticationProvider passwordCheck, Clock clock) {
		this.passwordCheck = passwordCheck;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String username = request.getName();
		byte[] passwordMac = mac(String.valueOf(request.getCredentials()));
		Instant now = clock.instant();
		Success known = successes.get(username);
		if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.passwordMac(), passwordMac)) {
			UsernamePasswordAuthenticationToken remembered = UsernamePasswordAuthenticationToken
				.authenticated(known.principal(), null, known.authorities());
			remembered.setDetails(request.getDetails()); // this request's (remote address), as a full check copies them
			return remembered;
		}
		Authentication checked = passwordCheck.authenticate(request); // throws for a wrong password
		successes.put(username, new Success(passwordMac, checked.getPrincipal(), checked.getAuthorities(), now.plus(TTL)));
		return checked;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwordCheck.supports(authentication);
	}

	private byte[] mac(String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

}
