package vn.dvcpulse.e2e;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.dvcpulse.access.AccessRules;

import static org.assertj.core.api.Assertions.assertThat;

/** The one OpenAPI document at the gateway, gathered from the three running services, and its Swagger UI. */
class ApiDocumentEndToEndTests extends ThroughTheGateway {

	@Test
	void everyEndpointOfEveryService_isInTheOneDocument_withItsSecurityAndErrorAnswers() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(stack.gateway("/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = this.json.readTree(response.body());
		assertThat(document.get("info").get("description").asString()).doesNotContain("did not answer");
		JsonNode paths = document.get("paths");
		List<String> described = new ArrayList<>();
		paths.properties().forEach((path) -> described.add(path.getKey()));
		assertThat(described).contains("/api/v1/events", "/api/v1/events:batch", "/api/v1/events:import",
				"/api/v1/applications/{localityCode}/{applicationId}", "/api/v1/rejections",
				"/api/v1/metrics/localities", "/api/v1/metrics/localities/{code}", "/api/v1/metrics/services/{code}",
				"/api/v1/metrics/national", "/api/v1/metrics/targets", "/api/v1/catalog/services",
				"/api/v1/catalog/services/{code}", "/api/v1/catalog/localities", "/api/v1/catalog/targets");
		// every rule of the access table has its endpoints described
		for (AccessRules.Rule rule : AccessRules.RULES) {
			assertThat(described).anyMatch((path) -> rule.paths()
				.stream()
				.anyMatch((pattern) -> path.startsWith(pattern.replace("/**", ""))));
		}
		paths.properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			JsonNode op = operation.getValue();
			assertThat(op.get("security")).as(operation.getKey() + " " + path.getKey()).isNotNull();
			assertThat(op.get("responses").has("401")).as(operation.getKey() + " " + path.getKey()).isTrue();
			assertThat(op.get("responses").has("403")).isTrue();
			assertThat(op.get("responses").has("429")).isTrue();
			assertThat(op.get("description").asString()).contains("Roles: ");
		}));
		assertThat(paths.get("/api/v1/events").get("post").get("responses").has("409")).isTrue();
		assertThat(paths.get("/api/v1/catalog/services/{code}").get("put").get("responses").has("412")).isTrue();
		assertThat(document.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(document.get("components").get("schemas").has("Problem")).isTrue();
	}

	@Test
	void swaggerUi_showsIt() throws Exception {
		HttpResponse<String> ui = this.http.send(
				HttpRequest.newBuilder(stack.gateway("/webjars/swagger-ui/index.html")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
		HttpResponse<String> config = this.http.send(
				HttpRequest.newBuilder(stack.gateway("/v3/api-docs/swagger-config")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(config.body()).contains("/v3/api-docs");
	}

}
