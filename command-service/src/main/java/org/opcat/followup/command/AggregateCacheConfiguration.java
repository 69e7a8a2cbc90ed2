package org.opcat.followup.command;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recommendation aggregates' cache ({@code @Aggregate(cache = "aggregateCache")}): see {@link CommittedAggregateCache}. */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    /** A few thousand recommendations: the ones being worked on; a few MB of heap. */
    @Bean
    Cache aggregateCache(@Value("${followup.aggregate-cache.size:2000}") int size) {
        return new CommittedAggregateCache(size);
    }
}
