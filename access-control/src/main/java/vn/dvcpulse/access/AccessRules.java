package vn.dvcpulse.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * The one table of who may call what, applied as it stands by the gateway and by each service behind it (defence
 * in depth). What a role may do within an endpoint (a submitter only for its own locality) is the endpoint's
 * business: see {@link Caller}.
 */
public final class AccessRules {

	/** Open to anyone: health for probes, the API description. */
	public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**", "/livez",
			"/readyz", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/error");

	/**
	 * The endpoints each role may call. A request matching none is refused, so a new endpoint is closed until it
	 * is added here.
	 */
	public static final List<Rule> RULES = List.of(
			new Rule(HttpMethod.POST, List.of("/api/v1/events", "/api/v1/events:batch", "/api/v1/events:import"),
					EnumSet.of(Role.SUBMITTER)),
			new Rule(HttpMethod.GET, List.of("/api/v1/applications/**", "/api/v1/rejections"),
					EnumSet.of(Role.SUBMITTER, Role.OPERATOR)),
			new Rule(HttpMethod.GET, List.of("/api/v1/metrics/**"), EnumSet.of(Role.OPERATOR, Role.COMMITTEE)),
			new Rule(HttpMethod.GET, List.of("/api/v1/catalog/**"), EnumSet.allOf(Role.class)),
			new Rule(HttpMethod.PUT, List.of("/api/v1/catalog/**"), EnumSet.of(Role.CATALOG_ADMIN)),
			new Rule(HttpMethod.POST, List.of("/api/v1/catalog/**"), EnumSet.of(Role.CATALOG_ADMIN)));

	private AccessRules() {
	}

	/**
	 * @param method the HTTP method
	 * @param paths  path patterns ({@code /**} for everything below)
	 * @param roles  the roles that may call them
	 */
	public record Rule(HttpMethod method, List<String> paths, Set<Role> roles) {

		public String[] pathArray() {
			return this.paths.toArray(String[]::new);
		}

		public String[] roleNames() {
			return this.roles.stream().map(Role::name).toArray(String[]::new);
		}

	}

}
