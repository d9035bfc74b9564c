package io.riskdesk.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@code currentUser} into the model of every rendered page, for the layout's header.
 * An interceptor rather than a model attribute so API calls do not pay for the lookup.
 */
@Component
class CurrentUserInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final UserAccounts users;

	CurrentUserInterceptor(UserAccounts users) {
		this.users = users;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/actuator/**");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		Principal principal = request.getUserPrincipal();
		if (view != null && principal != null && !view.getModel().containsKey("currentUser")) {
			users.find(principal.getName())
				.map(user -> new CurrentUser(user.username(), user.displayName(), user.role(), user.personEmail()))
				.ifPresent(user -> view.addObject("currentUser", user));
		}
	}

}
