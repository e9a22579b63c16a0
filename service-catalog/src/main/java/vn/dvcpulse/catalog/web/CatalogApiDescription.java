package vn.dvcpulse.catalog.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvcpulse.access.ApiDescription;

/** The catalog's own problem answers in its API description, beside the common ones. */
@Configuration(proxyBeanMethods = false)
class CatalogApiDescription {

	private static final Map<String, String> REVISED_EDIT = Map.of("404", "No such entry to update", "409",
			"The entry exists already (If-None-Match: *)", "412", "The entry changed since that revision (If-Match)",
			"428", "If-Match (to update) or If-None-Match: * (to create) is required", "422",
			"The change conflicts with the catalog");

	@Bean
	OpenApiCustomizer catalogProblemAnswers() {
		return ApiDescription.problems(Map.of("GET /api/v1/catalog/services/{code}", Map.of("404", "No such service"),
				"GET /api/v1/catalog/localities/{code}", Map.of("404", "No such locality code"),
				"PUT /api/v1/catalog/services/{code}", REVISED_EDIT,
				"PUT /api/v1/catalog/targets/{indicator}/{effectiveFrom}", REVISED_EDIT,
				"POST /api/v1/catalog/services/{code}/online-levels", Map.of("404", "No such service"),
				"POST /api/v1/catalog/localities",
				Map.of("422", "The version overlaps one in force, or names an unknown predecessor")));
	}

}
