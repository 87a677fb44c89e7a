package io.sincro.exchange.interop;

/** The mailbox promises over explicit FTPS on pure-ftpd with TLS required for login and every transfer (-Y 3). */
class PureFtpdTlsContractIT extends RealFtpServerContract {

    @Override
    InteropServers.Ftp server() {
        return InteropServers.Ftp.PURE_FTPD_TLS_REQUIRED;
    }
}
