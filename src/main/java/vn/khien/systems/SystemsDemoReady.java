package vn.khien.systems;

/**
 * Published by {@code systems.demo.SystemsDemoData} once the demo register is in place (seeded now or at an earlier start), in
 * demo mode only. Later modules seed their own demo data on it, each checking whether it already did; listeners
 * carry {@code @Order} so the seeding order is fixed (compliance before vulnerabilities).
 */
public record SystemsDemoReady() {}
