package io.sincro.exchange.ftp;

/** The mailbox promises over implicit FTPS, trusting the server through a trust store. */
class ImplicitFtpsMailboxContractTest extends FtpMailboxContractTest {

    @Override
    TlsMode tls() {
        return TlsMode.IMPLICIT;
    }
}
