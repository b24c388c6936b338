package org.civicloop.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.stream.Collectors;

/** Jakarta Security identity store over CivicLoop accounts; roles become groups (and so container roles). */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        AccountService.SignIn result = accounts.signIn(credential.getCaller(), credential.getPasswordAsString());
        if (result instanceof AccountService.SignIn.Valid valid) {
            Set<String> groups = valid.roles().stream().map(Enum::name).collect(Collectors.toSet());
            return new CredentialValidationResult(valid.username(), groups);
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
