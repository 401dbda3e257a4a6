package io.quarkiverse.alioss.runtime.credentials;

import java.util.Objects;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;

/** Delegates to the application's named {@link OssCredentialsProvider} bean and names it when it misbehaves. */
final class CustomBeanCredentialsProvider implements OssCredentialsProvider {

    private final String beanName;
    private final OssCredentialsProvider bean;

    public CustomBeanCredentialsProvider(String beanName, OssCredentialsProvider bean) {
        this.beanName = Objects.requireNonNull(beanName, "beanName");
        this.bean = Objects.requireNonNull(bean, "bean");
    }

    @Override
    public OssCredentials credentials() {
        OssCredentials credentials = bean.credentials();
        if (credentials == null) {
            throw new IllegalStateException("The OssCredentialsProvider bean '" + beanName + "' returned null credentials");
        }
        return credentials;
    }

    @Override
    public String toString() {
        return "CustomBeanCredentialsProvider[bean=" + beanName + "]";
    }
}
