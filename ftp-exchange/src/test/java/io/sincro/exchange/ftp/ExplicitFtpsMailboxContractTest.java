package io.sincro.exchange.ftp;

/** The mailbox promises over explicit FTPS (AUTH TLS, PBSZ 0, PROT P), trusting the server through a trust store. */
class ExplicitFtpsMailboxContractTest extends FtpMailboxContractTest {

    @Override
    TlsMode tls() {
        return TlsMode.EXPLICIT;
    }
}
