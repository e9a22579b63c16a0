package vn.dvcpulse.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import vn.dvcpulse.access.AccessProblems;
import vn.dvcpulse.contract.problem.ProblemType;

/**
 * The door takes plain requests only, and says so as a problem before anything else reads them: a request target
 * of at most {@value #MAX_TARGET} bytes, headers of at most {@value #MAX_HEADERS} bytes in all, no {@code TRACE} or
 * {@code CONNECT}, and no path ending in {@code /} (no route serves one; a service would answer it in its own
 * words). Netty's own limits stay above these, so that these answer first.
 */
@Component
class PlainRequests implements WebFilter, Ordered {

	static final int MAX_TARGET = 8 * 1024;

	static final int MAX_HEADERS = 16 * 1024;

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1; // right after the request id
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getURI().getRawPath();
		String query = request.getURI().getRawQuery();
		if (path.length() + ((query != null) ? query.length() + 1 : 0) > MAX_TARGET) {
			return refuse(exchange, HttpStatus.URI_TOO_LONG, ProblemType.URI_TOO_LONG,
					"The request target has more than " + MAX_TARGET + " bytes");
		}
		if (headerBytes(request.getHeaders()) > MAX_HEADERS) {
			return refuse(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ProblemType.HEADERS_TOO_LARGE,
					"The request headers have more than " + MAX_HEADERS + " bytes in all");
		}
		if (HttpMethod.TRACE.equals(request.getMethod()) || "CONNECT".equals(request.getMethod().name())) {
			exchange.getResponse().getHeaders().setAllow(Set.of(HttpMethod.GET, HttpMethod.HEAD,
					HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE));
			return refuse(exchange, HttpStatus.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED,
					"This door does not take " + request.getMethod().name());
		}
		if (path.length() > 1 && path.endsWith("/")) {
			return refuse(exchange, HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
					"Nothing is served at a path ending in /: leave the / out");
		}
		return chain.filter(exchange);
	}

	private static long headerBytes(HttpHeaders headers) {
		long bytes = 0;
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			for (String value : header.getValue()) {
				bytes += header.getKey().length() + value.length() + 4;
			}
		}
		return bytes;
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, ProblemType type, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = AccessProblems.body(type, status.value(), detail, null);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
