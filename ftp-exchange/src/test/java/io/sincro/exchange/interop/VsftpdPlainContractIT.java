package io.sincro.exchange.interop;

/** The mailbox promises over plain FTP on vsftpd. */
class VsftpdPlainContractIT extends RealFtpServerContract {

    @Override
    InteropServers.Ftp server() {
        return InteropServers.Ftp.VSFTPD_PLAIN;
    }
}
