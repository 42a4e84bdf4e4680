package nl.rotterdam.schoolsafe.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.rotterdam.schoolsafe.platform.event.TopicLayout;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the local broker (docs/decisions/0007-broker-access-control.md): SASL SCRAM-SHA-512 principals
 * and the ACLs of the KRaft StandardAuthorizer. Each service may write its own topics and read what it consumes, in
 * groups named after itself; each partner may read only its own stream, in groups with its own prefix. The
 * passwords are demo credentials of the local run; production credentials come from the environment.
 */
public final class BrokerAccess {
    public static final String ADMIN = "schoolsafe-admin";
    static final String MECHANISM = "SCRAM-SHA-512";

    private BrokerAccess() {}

    /** The local run's password of a principal. */
    public static String password(String principal) {
        return principal + "-local-secret";
    }

    /** A partner organisation's principal: {@code partner-<partnerId>}. */
    public static String partnerPrincipal(String partnerId) {
        return "partner-" + partnerId;
    }

    /** The consumer group prefix a partner must use: {@code partner.<partnerId>.}. */
    public static String partnerGroupPrefix(String partnerId) {
        return "partner." + partnerId + ".";
    }

    /** Client settings to reach the broker as {@code principal}. */
    public static Map<String, Object> client(String bootstrapServers, String principal) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(principal));
        return props;
    }

    static String jaas(String principal) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password(principal) + "\";";
    }

    /** Creates every service principal with exactly its ACLs. */
    static void grantServices(String bootstrapServers) {
        try (Admin admin = Admin.create(client(bootstrapServers, ADMIN))) {
            List<AclBinding> acls = new ArrayList<>();
            for (SuiteService service : SuiteService.values()) {
                String user = "User:" + service.principal();
                for (String topic : service.produces()) {
                    PatternType pattern = topic.endsWith(".") ? PatternType.PREFIXED : PatternType.LITERAL;
                    allow(
                            acls,
                            user,
                            ResourceType.TOPIC,
                            topic,
                            pattern,
                            AclOperation.WRITE,
                            AclOperation.DESCRIBE,
                            AclOperation.CREATE);
                }
                for (String topic : service.consumes()) {
                    allow(
                            acls,
                            user,
                            ResourceType.TOPIC,
                            topic,
                            PatternType.LITERAL,
                            AclOperation.READ,
                            AclOperation.DESCRIBE);
                    allow(
                            acls,
                            user,
                            ResourceType.TOPIC,
                            Topics.deadLetter(topic),
                            PatternType.LITERAL,
                            AclOperation.WRITE,
                            AclOperation.DESCRIBE,
                            AclOperation.CREATE);
                }
                allow(
                        acls,
                        user,
                        ResourceType.GROUP,
                        service.principal() + ".",
                        PatternType.PREFIXED,
                        AclOperation.READ,
                        AclOperation.DESCRIBE);
                createUser(admin, service.principal());
            }
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // provisioned as an operator would, so a consumer never waits for a topic its producer has not made yet
            create(admin, TopicLayout.definitions(TopicLayout.internalTopics(), 3, (short) 1));
        } catch (Exception e) {
            throw new IllegalStateException("could not grant the services their broker access: " + e.getMessage(), e);
        }
    }

    /** Creates a partner's principal, allowed to read its own stream only. */
    public static void grantPartner(String bootstrapServers, String partnerId) {
        try (Admin admin = Admin.create(client(bootstrapServers, ADMIN))) {
            String principal = partnerPrincipal(partnerId);
            createUser(admin, principal);
            List<AclBinding> acls = new ArrayList<>();
            allow(
                    acls,
                    "User:" + principal,
                    ResourceType.TOPIC,
                    Topics.partner(partnerId),
                    PatternType.LITERAL,
                    AclOperation.READ,
                    AclOperation.DESCRIBE);
            allow(
                    acls,
                    "User:" + principal,
                    ResourceType.GROUP,
                    partnerGroupPrefix(partnerId),
                    PatternType.PREFIXED,
                    AclOperation.READ,
                    AclOperation.DESCRIBE);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // its stream exists before it first reads, which it may do before anything was written to it
            create(admin, TopicLayout.definitions(List.of(Topics.partner(partnerId)), 3, (short) 1));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not grant partner " + partnerId + " its stream: " + e.getMessage(), e);
        }
    }

    private static void create(Admin admin, List<org.apache.kafka.clients.admin.NewTopic> topics) {
        admin.createTopics(topics).values().values().forEach(created -> {
            try {
                created.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private static void createUser(Admin admin, String principal) throws Exception {
        admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                        principal, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(principal))))
                .all()
                .get(30, TimeUnit.SECONDS);
    }

    private static void allow(
            List<AclBinding> acls,
            String principal,
            ResourceType type,
            String name,
            PatternType pattern,
            AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(
                    new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
