package vn.dvcpulse.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

import vn.dvcpulse.contract.problem.ProblemType;

/** The gateway's door: every request under {@code /api} needs a valid token whose roles {@link AccessRules} allow. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
public class GatewayAccessConfiguration {

	@Bean
	SecurityWebFilterChain accessRules(ServerHttpSecurity http, AccessProperties properties) {
		ServerAuthenticationEntryPoint unauthenticated = (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, AccessProblems.CHALLENGE);
			return write(exchange.getResponse(), HttpStatus.UNAUTHORIZED,
					AccessProblems.unauthenticated(exchange.getRequest().getPath().value()));
		};
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> write(exchange.getResponse(), HttpStatus.FORBIDDEN,
				AccessProblems.forbidden(exchange.getRequest().getPath().value()));
		JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
		roles.setJwtGrantedAuthoritiesConverter(AccessToken.authorities(properties.rolesClaim()));
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchanges) -> {
				exchanges.pathMatchers(AccessRules.PUBLIC_PATHS.toArray(String[]::new)).permitAll();
				// the actuator lives on the management port only (management.server.port), scraped from inside
				exchanges.pathMatchers("/actuator/**").permitAll();
				for (AccessRules.Rule rule : AccessRules.RULES) {
					exchanges.pathMatchers(rule.method(), rule.pathArray()).hasAnyRole(rule.roleNames());
				}
				exchanges.anyExchange().denyAll();
			})
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles)))
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(forbidden))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(forbidden));
		return http.build();
	}

	/**
	 * What Spring Security's firewall refuses before any rule (a {@code //}, an encoded slash or dot, a {@code ;},
	 * a NUL, a {@code ..}): a problem like every other refusal, naming no more than the rule's kind.
	 */
	@Bean
	ServerExchangeRejectedHandler firewallRefusals() {
		return (exchange, ex) -> write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
				AccessProblems.body(ProblemType.REQUEST_REFUSED, 400, "The request's path or method is not taken "
						+ "here: no //, encoded slash, dot segment, ; or control character", null));
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(AccessProperties properties) {
		return TokenDecoders.reactive(properties);
	}

	private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, byte[] body) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
