package io.sincro.agent.customers;

/**
 * A customer the agent is creating. Name, VAT number, address and city are required; e-mail, phone
 * and price list are optional (without a price list the customer is priced by special prices only,
 * until the head office assigns one).
 */
public record NewCustomer(
        String name, String vatNumber, String address, String city, String email, String phone,
        String priceListCode) {
}
