package vn.dvcpulse.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import vn.dvcpulse.access.AccessProblems;
import vn.dvcpulse.contract.problem.ProblemType;

/**
 * What the door refuses or fails at itself, where no route, access rule or fallback answers: a path it does not
 * serve under a public prefix ({@code /actuator/*} lives on the management port), a probe asked with another method,
 * a failure of its own. Answered as problem details (RFC 9457) like every other refusal of the door, instead of in
 * Boot's own error format; what failed stays in the log.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
class DoorProblems implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(DoorProblems.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		String path = exchange.getAttributeOrDefault(RequestIds.ORIGINAL_PATH, exchange.getRequest().getPath().value());
		HttpStatusCode status = (ex instanceof ResponseStatusException refusal) ? refusal.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			log.error("{} {} failed at the door [{}]", exchange.getRequest().getMethod(), path,
					response.getHeaders().getFirst(RequestIds.HEADER), ex);
		}
		byte[] body;
		if (status.value() == 404) {
			body = AccessProblems.body(ProblemType.NOT_FOUND, 404, "Nothing is served at this path", path);
		}
		else if (status.value() == 405) {
			body = AccessProblems.body(ProblemType.METHOD_NOT_ALLOWED, 405,
					"This path does not take " + exchange.getRequest().getMethod(), path);
		}
		else if (status.is4xxClientError()) {
			HttpStatus known = HttpStatus.resolve(status.value());
			body = AccessProblems.body(ProblemType.REQUEST_REFUSED, status.value(),
					(known != null) ? known.getReasonPhrase() : "Refused", path);
		}
		else {
			HttpStatus known = HttpStatus.resolve(status.value());
			String title = (known != null) ? known.getReasonPhrase() : "Error";
			String detail = (status.value() == 500)
					? "The gateway failed to handle this request; it is logged with the request's id" : title;
			body = AccessProblems.body(title, status.value(), detail, path);
		}
		response.setStatusCode(status);
		if (ex instanceof ResponseStatusException refusal) {
			response.getHeaders().addAll(refusal.getHeaders()); // Allow, for a 405
		}
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
