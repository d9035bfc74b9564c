package io.riskdesk.web;

import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What the OpenAPI document promises to the clients generated from it (docs/api/openapi.json is
 * the published copy): its title, and stable operation ids.
 */
@Configuration(proxyBeanMethods = false)
class ApiContract {

	private static final String BASIC = "basic";

	private static final String BEARER = "bearer";

	static {
		// What these types really are in JSON: a currency is its ISO 4217 code, not the getters of
		// java.util.Currency; a JsonNode is any JSON value, not the getters of Jackson's tree node.
		SpringDocUtils.getConfig()
			.replaceWithSchema(Currency.class, new StringSchema().pattern("^[A-Z]{3}$").example("USD"))
			.replaceWithSchema(JsonNode.class, new Schema<>().description("Any JSON value"));
	}

	@Bean
	OpenAPI riskdeskApi() {
		return new OpenAPI().info(new Info().title("Riskdesk API")
			.version("1")
			.description("The Risk Register, its plans, clocks and notifications. Refusals are RFC 9457 problem "
					+ "details. Authenticate with HTTP Basic or a bearer token (POST /api/tokens)."))
			.components(new Components()
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("An API token from POST /api/tokens")))
			// Either one: two requirements are alternatives.
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * An operation id is the method name of a generated client: a handler's own name, or, where
	 * several API handlers share it, the name and its controller's noun ({@code create} of
	 * RiskController is {@code createRisk}). springdoc would number the repeats instead
	 * ({@code create_1}, {@code create_2}) in the order it happens to meet them, so adding a
	 * controller would rename methods of clients built against the published contract.
	 */
	@Bean
	OperationCustomizer stableOperationIds(
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return (operation, handler) -> {
			String name = handler.getMethod().getName();
			if (sharedNames(mappings.getObject()).contains(name)) {
				operation.setOperationId(name + noun(handler.getBeanType()));
			}
			return operation;
		};
	}

	/** The method names that more than one API handler has. */
	private static Set<String> sharedNames(RequestMappingHandlerMapping mapping) {
		Map<String, Long> counts = mapping.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(entry -> isApi(entry.getKey()))
			.map(Map.Entry::getValue)
			.map(HandlerMethod::getMethod)
			.collect(Collectors.groupingBy(method -> method.getName(), Collectors.counting()));
		return counts.entrySet()
			.stream()
			.filter(count -> count.getValue() > 1)
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	private static boolean isApi(RequestMappingInfo mapping) {
		return mapping.getPatternValues().stream().anyMatch(pattern -> pattern.startsWith("/api/"));
	}

	private static String noun(Class<?> controller) {
		return controller.getSimpleName().replaceFirst("Controller$", "");
	}

}
