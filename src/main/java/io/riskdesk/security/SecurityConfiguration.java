package io.riskdesk.security;

import java.time.Clock;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors: the API (and actuator) for machines, stateless with HTTP Basic or bearer tokens;
 * everything else for people, with form login and a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Spring Security's default headers, and links out of Riskdesk do not carry its URLs (risk keys, filters). */
	private static final Customizer<HeadersConfigurer<HttpSecurity>> HEADERS = headers -> headers
		.referrerPolicy(policy -> policy.policy(ReferrerPolicy.SAME_ORIGIN));

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * A URL the firewall refuses (a "..", "//" or ";" in the path, say) goes to the error page
	 * with the firewall's reason, which makes it a problem detail for the API and a page for people.
	 */
	@Bean
	RequestRejectedHandler requestRejected() {
		return (request, response, ex) -> response.sendError(HttpServletResponse.SC_BAD_REQUEST, ex.getMessage());
	}

	private static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**" };

	/**
	 * The API, and the OpenAPI document when a client asks for it with credentials (HTTP Basic or a
	 * bearer token): the contract is for API clients too. Without them, a browser reads the document
	 * with its session, as Swagger UI does.
	 */
	private static final RequestMatcher API_REQUESTS = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
			new AndRequestMatcher(new OrRequestMatcher(Arrays.stream(API_DOCS)
				.map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
				.toList()), request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null));

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords, ApiTokens tokens,
			Clock clock) throws Exception {
		DaoAuthenticationProvider basic = new DaoAuthenticationProvider(users);
		basic.setPasswordEncoder(passwords);
		AuthenticationManager manager = new ProviderManager(new CachedBasicAuthentication(basic, clock),
				BearerTokenAuthentication.provider(tokens, users));

		AuthenticationFilter bearer = new AuthenticationFilter(manager, BearerTokenAuthentication.converter());
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(ProblemResponses.unauthorized()));

		String[] riskWriters = Role.names(Role.RISK_WRITERS);
		String[] accountWriters = Role.names(Role.ACCOUNT_WRITERS);
		return http.securityMatcher(API_REQUESTS)
			.authenticationManager(manager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/api/tokens/**", "/api/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
				// The whole outbox and digest previews show anyone's risks and addresses: for those who manage
				// others. A risk's own messages are read with the risk (/api/risks/{key}/notifications).
				.requestMatchers(HttpMethod.GET, "/api/notifications", "/api/notifications/**")
				.hasAnyRole(Role.names(Role.NOTIFICATION_MANAGERS))
				.requestMatchers(HttpMethod.GET, "/api/**").authenticated()
				.requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
				// A calculator: it writes nothing.
				.requestMatchers(HttpMethod.POST, "/api/sla-credits/calculate").authenticated()
				.requestMatchers(HttpMethod.POST, "/api/notifications/*/resend")
				.hasAnyRole(Role.names(Role.NOTIFICATION_MANAGERS))
				// Mails the portfolio to the executives: for those who manage notifications.
				.requestMatchers(HttpMethod.POST, "/api/reports/executive-digest/run")
				.hasAnyRole(Role.names(Role.NOTIFICATION_MANAGERS))
				.requestMatchers(HttpMethod.POST, "/api/risks/*/concessions/*/transitions")
				.hasAnyRole(Role.names(Role.CONCESSION_DECIDERS))
				// The backtest writes nothing, but it is as heavy as detection passes: for the same roles.
				.requestMatchers("/api/risks/**", "/api/intake/**", "/api/telemetry/**", "/api/detection/**",
						"/api/playbook/backtest")
				.hasAnyRole(riskWriters)
				.requestMatchers("/api/accounts/**", "/api/people/**").hasAnyRole(accountWriters)
				.requestMatchers(API_DOCS).authenticated()
				.anyRequest().hasRole(Role.ADMIN.name()))
			.httpBasic(basicAuth -> basicAuth.authenticationEntryPoint(ProblemResponses.unauthorized()))
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// The API never reads the browser session, so a forged cross-site request carries no credentials.
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.headers(HEADERS)
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(ProblemResponses.forbidden()))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain ui(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
					.permitAll();
				UiAccessRules.RULES.forEach(rule -> requests.requestMatchers(rule.matcher())
					.hasAnyRole(Role.names(rule.roles())));
				requests.anyRequest().authenticated();
			})
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(errors -> errors.accessDeniedHandler(UiAccessRules.deniedPage()))
			.headers(HEADERS)
			.build();
	}

}
