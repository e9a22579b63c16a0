package vn.dvcpulse.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import vn.dvcpulse.access.AccessProblems;
import vn.dvcpulse.contract.problem.ProblemType;

/**
 * Where a route's circuit breaker sends a request that the service behind did not answer in time, could not be
 * reached for, or that the open circuit did not let through: a {@code 503} that says which service and when to try
 * again, without the internals of the failure.
 */
@RestController
class Unavailable {

	/** As long as an open circuit waits before it lets a trial call through. */
	static final String RETRY_AFTER_SECONDS = "10";

	private static final Logger log = LoggerFactory.getLogger(Unavailable.class);

	@RequestMapping("/unavailable/{service}")
	ResponseEntity<byte[]> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		// the caller learns which service; the log, why
		log.warn("{} unavailable for {} [{}]: {}", service, exchange.getAttribute(RequestIds.ORIGINAL_PATH),
				exchange.getResponse().getHeaders().getFirst(RequestIds.HEADER), String.valueOf(cause));
		String path = exchange.getAttributeOrDefault(RequestIds.ORIGINAL_PATH, exchange.getRequest().getPath().value());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(AccessProblems.body(ProblemType.SERVICE_UNAVAILABLE, 503,
					"The " + service + " service did not answer in time or is unavailable; try again later", path));
	}

}
