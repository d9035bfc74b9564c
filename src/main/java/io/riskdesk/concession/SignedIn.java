package io.riskdesk.concession;

import io.riskdesk.security.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The role of the signed-in user, as security put it in the authentication (ROLE_CSM). */
final class SignedIn {

	private SignedIn() {
	}

	static Role role(Authentication user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> Role.valueOf(authority.substring("ROLE_".length())))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(user.getName() + " has no role"));
	}

}
