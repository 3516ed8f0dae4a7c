package dev.millrace.server.network;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listener: one acceptor thread and {@code num.network.threads} event loops. Each connection's
 * pipeline is idle-state detection, the length-prefixed frame decoder (frames above
 * {@code socket.request.max.bytes} close the connection) and {@link ConnectionHandler}.
 *
 * <p>Lifecycle: {@link #start} binds or throws; {@link #close} stops accepting, closes every
 * connection and waits for the event loops to end. Thread-safe.
 */
public final class NettyServer implements AutoCloseable {
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final AtomicInteger activeConnections;

    private NettyServer(EventLoopGroup acceptor, EventLoopGroup workers, Channel serverChannel,
                        AtomicInteger activeConnections) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.activeConnections = activeConnections;
    }

    /**
     * Binds the listener and starts serving.
     *
     * @throws dev.millrace.common.errors.MillraceException if the address cannot be bound
     */
    public static NettyServer start(NetworkConfig config, RequestHandler handler) {
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("network-acceptor"));
        EventLoopGroup workers = new NioEventLoopGroup(config.networkThreads(),
                new DefaultThreadFactory("network-thread"));
        AtomicInteger active = new AtomicInteger();
        AtomicLong ids = new AtomicLong();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(0, 0, config.connectionsMaxIdleMs(),
                                        TimeUnit.MILLISECONDS))
                                .addLast("frames", new LengthFieldBasedFrameDecoder(
                                        config.maxRequestBytes() + 4, 0, 4, 0, 4, true))
                                .addLast("requests", new ConnectionHandler(handler, active,
                                        config.maxConnections(), ids));
                    }
                });
        InetSocketAddress address = config.host().isEmpty() || config.host().equals("0.0.0.0")
                ? new InetSocketAddress(config.port()) : new InetSocketAddress(config.host(), config.port());
        try {
            Channel channel = bootstrap.bind(address).syncUninterruptibly().channel();
            return new NettyServer(acceptor, workers, channel, active);
        } catch (RuntimeException e) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new dev.millrace.common.errors.MillraceException("reason=cannotBind address=" + address + " cause="
                    + e, e);
        }
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public int activeConnections() {
        return activeConnections.get();
    }

    /** Stops accepting connections (existing ones keep being served until {@link #close}). */
    public void stopAccepting() {
        serverChannel.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
