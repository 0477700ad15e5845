package io.greenportal.gateway.redis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;

import reactor.core.publisher.Mono;

/**
 * Browser sessions live in Redis. Through the {@link RedisGuard}, a hung Redis costs a session
 * look-up at most the guard's time-out, and nothing once its session circuit is open (failed or
 * timed-out calls open it, slow ones do not): the session is then
 * not found (the browser user is treated as logged out until Redis answers again) and changes to
 * it are not saved.
 */
@Configuration(proxyBeanMethods = false)
public class GuardedSessions {

    @Bean
    static BeanPostProcessor guardSessionRepository(ObjectProvider<RedisGuard> guard) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ReactiveSessionRepository<?> sessions) {
                    return guarded(sessions, guard);
                }
                return bean;
            }
        };
    }

    private static <S extends Session> ReactiveSessionRepository<S> guarded(ReactiveSessionRepository<S> sessions,
            ObjectProvider<RedisGuard> guard) {
        return new ReactiveSessionRepository<>() {
            @Override
            public Mono<S> createSession() {
                return sessions.createSession(); // in memory until saved
            }

            @Override
            public Mono<Void> save(S session) {
                return guard.getObject().callForSessions(sessions.save(session).thenReturn(true), () -> false).then();
            }

            @Override
            public Mono<S> findById(String id) {
                return guard.getObject().callForSessions(sessions.findById(id).map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty()), java.util.Optional::<S>empty)
                        .flatMap(Mono::justOrEmpty);
            }

            @Override
            public Mono<Void> deleteById(String id) {
                return guard.getObject().callForSessions(sessions.deleteById(id).thenReturn(true), () -> false).then();
            }
        };
    }
}
