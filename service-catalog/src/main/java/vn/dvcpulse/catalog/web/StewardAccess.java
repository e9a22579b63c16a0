package vn.dvcpulse.catalog.web;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place that decides who may change the catalog: only the catalog steward ({@code CATALOG_ADMIN}); anyone
 * may read it. Until the gateway authenticates callers with tokens, the caller's name and roles arrive in the
 * {@value #SUBJECT} and {@value #ROLES} headers, which the gateway removes from every outside request, so only a
 * caller on this service's own loopback port can set them.
 */
@Configuration(proxyBeanMethods = false)
class StewardAccess implements WebMvcConfigurer, HandlerInterceptor {

	static final String SUBJECT = "X-DVC-Subject";

	static final String ROLES = "X-DVC-Roles";

	static final String STEWARD_ROLE = "CATALOG_ADMIN";

	private static final String STEWARD_ATTRIBUTE = StewardAccess.class.getName() + ".steward";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/v1/catalog/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
			return true;
		}
		String subject = request.getHeader(SUBJECT);
		String roles = request.getHeader(ROLES);
		boolean steward = roles != null
				&& Arrays.stream(roles.split(",")).map(String::trim).anyMatch(STEWARD_ROLE::equals);
		if (subject == null || subject.isBlank() || !steward) {
			throw new NotStewardException();
		}
		request.setAttribute(STEWARD_ATTRIBUTE, subject.trim());
		return true;
	}

	/** Who is making a change, as recorded in the catalog's history. */
	static String steward(HttpServletRequest request) {
		return (String) request.getAttribute(STEWARD_ATTRIBUTE);
	}

	static class NotStewardException extends RuntimeException {

		NotStewardException() {
			super("Only the catalog steward (" + STEWARD_ROLE + ") may change the catalog");
		}

	}

}
