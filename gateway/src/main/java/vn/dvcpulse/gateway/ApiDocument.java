package vn.dvcpulse.gateway;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one OpenAPI document of the whole API, at the door: the three services' own descriptions (each at its
 * {@code /v3/api-docs}, with its security requirements and problem answers) gathered into one, plus what only the
 * door answers ({@code 429}). Swagger UI shows it at {@code /swagger-ui.html}. Kept for a minute; a service that does
 * not answer is left out and named in the description, and the document is made again at the next request.
 */
@RestController
class ApiDocument {

	static final Duration KEPT_FOR = Duration.ofMinutes(1);

	private final WebClient web;

	private final Map<String, URI> services;

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile Gathered gathered;

	ApiDocument(Services services) {
		this.web = WebClient.create();
		this.services = services.services();
	}

	@GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<JsonNode> document() {
		Gathered last = this.gathered;
		if (last != null && last.complete() && last.at().plus(KEPT_FOR).isAfter(Instant.now())) {
			return Mono.just(last.document());
		}
		return Flux.fromIterable(this.services.entrySet())
			.flatMapSequential((service) -> this.web.get()
				.uri(service.getValue().resolve("/v3/api-docs"))
				.retrieve()
				.bodyToMono(String.class)
				.timeout(Duration.ofSeconds(3))
				.map((body) -> new Part(service.getKey(), this.json.readTree(body)))
				.onErrorResume((ex) -> Mono.just(new Part(service.getKey(), null))))
			.collectList()
			.map(this::gather);
	}

	private JsonNode gather(List<Part> parts) {
		ObjectNode document = this.json.createObjectNode();
		document.put("openapi", "3.1.0");
		ObjectNode info = document.putObject("info").put("title", "DVC Pulse API").put("version", "v1");
		document.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
		ObjectNode paths = document.putObject("paths");
		ObjectNode components = document.putObject("components");
		ObjectNode schemas = components.putObject("schemas");
		ObjectNode securitySchemes = components.putObject("securitySchemes");
		List<String> missing = new ArrayList<>();
		for (Part part : parts) {
			if (part.document() == null) {
				missing.add(part.service());
				continue;
			}
			copy(part.document().path("paths"), paths);
			copy(part.document().path("components").path("schemas"), schemas);
			copy(part.document().path("components").path("securitySchemes"), securitySchemes);
		}
		paths.properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (operation.getValue() instanceof ObjectNode node && node.has("responses")
					&& !node.get("responses").has("429")) {
				((ObjectNode) node.get("responses")).putObject("429")
					.put("description", "Over this client's or role's rate limit; retry after Retry-After seconds")
					.putObject("content")
					.putObject("application/problem+json")
					.putObject("schema")
					.put("$ref", "#/components/schemas/Problem");
			}
		}));
		info.put("description", "Every endpoint of DVC Pulse through its one door. Each needs a bearer JWT "
				+ "(RS256) whose roles the endpoint names; errors are RFC 9457 problem details."
				+ (missing.isEmpty() ? "" : " Not described now (did not answer): " + String.join(", ", missing)));
		this.gathered = new Gathered(document, missing.isEmpty(), Instant.now());
		return document;
	}

	private static void copy(JsonNode from, ObjectNode to) {
		from.properties().forEach((entry) -> {
			if (!to.has(entry.getKey())) {
				to.set(entry.getKey(), entry.getValue());
			}
		});
	}

	private record Part(String service, JsonNode document) {
	}

	private record Gathered(JsonNode document, boolean complete, Instant at) {
	}

	/** @param services where the services behind the door listen, by name */
	@ConfigurationProperties("dvc")
	record Services(Map<String, URI> services) {

		Services {
			services = (services != null) ? services : Map.of();
		}

	}

}
