package io.deepmail.core.internal.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;

/** Where deepmail's handlers go in a Reactor Netty pipeline: after everything else, before Reactor Netty's bridge. */
final class Pipelines {

    private Pipelines() {
    }

    /**
     * Appends a handler just before Reactor Netty's reactive bridge, or last when there is none.
     *
     * @param pipeline the pipeline
     * @param name the handler's name
     * @param handler the handler
     */
    static void addBeforeBridge(ChannelPipeline pipeline, String name, ChannelHandler handler) {
        if (pipeline.get(NettyPipeline.ReactiveBridge) != null) {
            pipeline.addBefore(NettyPipeline.ReactiveBridge, name, handler);
        } else {
            pipeline.addLast(name, handler);
        }
    }
}
