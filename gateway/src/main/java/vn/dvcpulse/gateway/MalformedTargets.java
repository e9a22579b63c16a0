package vn.dvcpulse.gateway;

import java.net.URI;
import java.net.URISyntaxException;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import vn.dvcpulse.access.AccessProblems;
import vn.dvcpulse.contract.problem.ProblemType;

/**
 * A request target that is not a URI (malformed percent-encoding such as {@code %zz}, a space, a bare {@code %}) is
 * answered here, on the connection, with a {@code 400} problem: Spring cannot make a request of it, and would answer
 * it with an empty body. Netty's handler just after its HTTP codec, so nothing else reads the request.
 */
@Component
class MalformedTargets implements NettyServerCustomizer {

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "dvc-malformed-targets", new Refusing());
			}
		});
	}

	/** Refuses a request whose target is not a URI, and drops its body. */
	private static final class Refusing extends ChannelDuplexHandler {

		private boolean dropping;

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (message instanceof HttpRequest request && !isUri(request.uri())) {
				this.dropping = !(message instanceof LastHttpContent);
				ReferenceCountUtil.release(message);
				byte[] body = AccessProblems.body(ProblemType.REQUEST_REFUSED, 400,
						"The request target is not a URI: each % must be followed by two hex digits", null);
				FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
						HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
				response.headers()
					.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
					.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
					.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
				context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
				return;
			}
			if (this.dropping && message instanceof HttpContent) {
				this.dropping = !(message instanceof LastHttpContent);
				ReferenceCountUtil.release(message);
				return;
			}
			context.fireChannelRead(message);
		}

		private static boolean isUri(String target) {
			try {
				new URI(target);
				return true;
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}

	}

}
