package io.riskdesk.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** "Authorization: Bearer rd_..." -> the user the API token was issued for. */
final class BearerTokenAuthentication {

	private BearerTokenAuthentication() {
	}

	/** The unauthenticated request: just the secret. */
	static final class Secret extends AbstractAuthenticationToken {

		private final String secret;

		Secret(String secret) {
			super(List.of());
			this.secret = secret;
		}

		@Override
		public Object getCredentials() {
			return secret;
		}

		@Override
		public Object getPrincipal() {
			return null;
		}

	}

	static AuthenticationConverter converter() {
		return (HttpServletRequest request) -> {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return null;
			}
			return new Secret(header.substring(7).strip());
		};
	}

	static AuthenticationProvider provider(ApiTokens tokens, UserDetailsService users) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				String secret = (String) authentication.getCredentials();
				String username = tokens.authenticate(secret)
					.orElseThrow(() -> new BadCredentialsException("Unknown or revoked API token"));
				UserDetails user = users.loadUserByUsername(username);
				if (!user.isEnabled()) {
					throw new BadCredentialsException("The token's user is disabled");
				}
				return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
			}

			@Override
			public boolean supports(Class<?> type) {
				return Secret.class.isAssignableFrom(type);
			}
		};
	}

}
