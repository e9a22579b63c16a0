package vn.dvcpulse.access;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every service's OpenAPI description says the same way: the bearer token each endpoint requires and the
 * roles {@link AccessRules} give it, and the problem answers any endpoint may give. Endpoint-specific answers
 * (409, 412, ...) are declared on the endpoints themselves.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

	public static final String BEARER = "bearer";

	public static final String PROBLEM = "Problem";

	/** The answers every endpoint under {@code /api} may give, beside its own. */
	static final Map<String, String> COMMON_PROBLEMS = Map.of("400", "A bad parameter or body (problem details)",
			"401", "No valid bearer token", "403", "The token's roles do not allow this, or not for this locality",
			"503", "A service or Kafka is unavailable; retry after Retry-After seconds");

	@Bean
	OpenApiCustomizer accessAndProblems(@Value("${spring.application.name}") String service) {
		return (api) -> describe(api, service);
	}

	static void describe(OpenAPI api, String service) {
		api.info(new Info().title("DVC Pulse: " + service).version("v1"));
		if (api.getComponents() == null) {
			api.components(new Components());
		}
		api.getComponents()
			.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("RS256 JWT of the configured issuer; roles in 'roles', a submitter's locality in "
						+ "'locality'"))
			.addSchemas(PROBLEM, problemSchema());
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (!path.startsWith("/api/")) {
				return;
			}
			operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
			AccessRules.RULES.stream()
				.filter((rule) -> rule.method().name().equals(method.name()) && matches(rule, path))
				.findFirst()
				.ifPresent((rule) -> operation.description(((operation.getDescription() != null)
						? operation.getDescription() + "\n\n" : "") + "Roles: " + String.join(", ", rule.roleNames())));
			COMMON_PROBLEMS.forEach((status, description) -> addProblem(operation, status, description));
		}));
	}

	/**
	 * A service's own problem answers, by {@code "METHOD /path"} as the description names the endpoint, then by
	 * status: for the endpoints whose answers go beyond the common ones.
	 */
	public static OpenApiCustomizer problems(Map<String, Map<String, String>> byEndpoint) {
		return (api) -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> byEndpoint
				.getOrDefault(method.name() + " " + path, Map.of())
				.forEach((status, description) -> addProblem(operation, status, description))));
		};
	}

	/** A problem answer, unless the endpoint describes that status itself. */
	public static void addProblem(Operation operation, String status, String description) {
		if (operation.getResponses() != null && operation.getResponses().containsKey(status)) {
			return;
		}
		operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	/** Whether a described path (its variables filled in) is one of the rule's: as Spring matches a request. */
	private static boolean matches(AccessRules.Rule rule, String path) {
		PathContainer concrete = PathContainer.parsePath(path.replaceAll("\\{[^}]+}", "x"));
		return rule.paths()
			.stream()
			.anyMatch((pattern) -> PathPatternParser.defaultInstance.parse(pattern).matches(concrete));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().example("urn:dvc-pulse:problem:invalid-field"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("field", new StringSchema().description("the field at fault, when there is one"));
	}

}
