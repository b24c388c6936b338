package org.civicloop.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.civicloop.identity.AccountService;
import org.civicloop.platform.web.Ui;

/** A resident creates an account. */
@Named
@RequestScoped
public class RegisterBean {

    @Inject
    AccountService accounts;

    private String username;
    private String displayName;
    private String email;
    private String password;

    public String register() {
        if (Ui.report(accounts.registerResident(username, displayName, email, password), "register.done")) {
            return Ui.redirect("/login.xhtml?faces-redirect=true");
        }
        return null;
    }

    public int getMinPasswordLength() { return AccountService.MIN_PASSWORD_LENGTH; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
