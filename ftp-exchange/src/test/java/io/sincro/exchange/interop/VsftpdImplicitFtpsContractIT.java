package io.sincro.exchange.interop;

/** The mailbox promises over implicit FTPS on vsftpd, TLS session reuse required. */
class VsftpdImplicitFtpsContractIT extends RealFtpServerContract {

    @Override
    InteropServers.Ftp server() {
        return InteropServers.Ftp.VSFTPD_IMPLICIT;
    }
}
