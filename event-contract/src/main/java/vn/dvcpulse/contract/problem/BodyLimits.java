package vn.dvcpulse.contract.problem;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every {@code @RequestBody} is bounded, on the handler it reached (never on the request's spelling of the path):
 * {@value #DEFAULT} bytes unless the method says more with {@link BodyLimit}. A declared length over the limit is
 * refused before a byte is read, and a body without one as soon as reading passes it ({@code 413}, as a problem).
 */
@ControllerAdvice
public class BodyLimits extends RequestBodyAdviceAdapter {

	/** One event, one catalog entry: the largest body any handler takes without saying otherwise. */
	public static final long DEFAULT = 64 * 1024;

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		long limit = limitOf(parameter);
		long declared = message.getHeaders().getContentLength();
		if (declared > limit) {
			throw new BodyTooLargeException(limit, "The body has " + declared + " bytes; at most " + limit
					+ " are taken here");
		}
		InputStream limited = new LimitedStream(message.getBody(), limit);
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return limited;
			}

			@Override
			public HttpHeaders getHeaders() {
				return message.getHeaders();
			}

		};
	}

	static long limitOf(MethodParameter parameter) {
		BodyLimit limit = parameter.getMethodAnnotation(BodyLimit.class);
		return (limit != null) ? limit.bytes() : DEFAULT;
	}

	/** Counts what is read, whatever the declared length says. */
	private static final class LimitedStream extends InputStream {

		private final InputStream in;

		private final long limit;

		private long read;

		LimitedStream(InputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
