package io.sincro.exchange.interop;

/** The mailbox promises over explicit FTPS on vsftpd, TLS required for login and data, TLS session reuse required (require_ssl_reuse=YES). */
class VsftpdExplicitFtpsContractIT extends RealFtpServerContract {

    @Override
    InteropServers.Ftp server() {
        return InteropServers.Ftp.VSFTPD_EXPLICIT;
    }
}
