package io.riskdesk.web;


import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says what every endpoint answers when it refuses: an RFC 9457 problem
 * detail ({@code application/problem+json}) for 401 and 403 everywhere, 404 where the path names
 * a record, 400 where the request carries input, and 409 where it changes something (a stale
 * version or a move the state does not allow). A generated client can then read every refusal.
 */
@Configuration(proxyBeanMethods = false)
class ProblemResponsesDocumentation {

	static final String PROBLEM = "application/problem+json";

	private static final String SCHEMA = "ProblemDetail";

	@Bean
	OpenApiCustomizer problemResponses() {
		return openApi -> {
			components(openApi).addSchemas(SCHEMA, problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (path.startsWith("/api/")) {
					document(path, method, operation);
				}
			}));
		};
	}

	private static void document(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		operation.setResponses(responses);
		add(responses, "401", "Not signed in: no or wrong credentials (HTTP Basic or a bearer token)");
		add(responses, "403", "Signed in, but the role may not do this");
		if (path.contains("{")) {
			add(responses, "404", "No such record");
		}
		boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
		boolean hasInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		if (writes || hasInput) {
			add(responses, "400", "Bad input: the problem's errors name each field and the reason");
		}
		if (writes) {
			add(responses, "409", "Conflicts with the record's state or version (If-Match), or with other data");
		}
	}

	private static void add(ApiResponses responses, String status, String description) {
		responses.computeIfAbsent(status, code -> new ApiResponse().description(description));
		ApiResponse response = responses.get(status);
		if (response.getContent() == null) {
			response.setContent(new Content());
		}
		response.getContent()
			.putIfAbsent(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
	}

	private static Components components(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		return openApi.getComponents();
	}

	/** RFC 9457's members, and the field problems this API adds for bad input. */
	private static Schema<?> problemSchema() {
		// Built in a fixed order: the published contract must come out the same on every start.
		ObjectSchema fieldProblem = new ObjectSchema();
		fieldProblem.addProperty("field", new StringSchema()).addProperty("reason", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.setDescription("An RFC 9457 problem detail");
		problem.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("errors", new ArraySchema().items(fieldProblem));
		return problem;
	}

}
