package vn.dvcpulse.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A service behind the gateway checks every token again (defence in depth) and applies {@link AccessRules} itself,
 * so reaching its port directly grants nothing. Stateless: no session, no CSRF token (no cookies are used).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
public class ServiceAccessConfiguration {

	@Bean
	SecurityFilterChain accessRules(HttpSecurity http, AccessProperties properties) throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> {
			response.setStatus(401);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, AccessProblems.CHALLENGE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream().write(AccessProblems.unauthenticated(request.getRequestURI()));
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			response.setStatus(403);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream().write(AccessProblems.forbidden(request.getRequestURI()));
		};
		JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
		roles.setJwtGrantedAuthoritiesConverter(AccessToken.authorities(properties.rolesClaim()));
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(AccessRules.PUBLIC_PATHS.toArray(String[]::new)).permitAll();
				// scraped by Prometheus on the service's management port, which the gateway never routes to
				requests.requestMatchers("/actuator/prometheus", "/actuator/info").permitAll();
				for (AccessRules.Rule rule : AccessRules.RULES) {
					requests.requestMatchers(rule.method(), rule.pathArray()).hasAnyRole(rule.roleNames());
				}
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(roles))
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(forbidden))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(forbidden));
		return http.build();
	}

	/** First of all filters, so that a refused request is logged with its id too. */
	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIds() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	JwtDecoder jwtDecoder(AccessProperties properties) {
		return TokenDecoders.servlet(properties);
	}

}
